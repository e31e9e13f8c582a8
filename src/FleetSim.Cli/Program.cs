using System.CommandLine;
using FleetSim.Cli.Commands;

var root = new RootCommand("""
    FleetSim: an Orleans-based simulator of a fleet of managed MariaDB servers and their security
    layers, modelled on Azure Database for MariaDB. Every connection goes through a regional gateway
    and is judged as the real service judges it: TLS, private endpoints, public network access,
    VNet rules, the IP firewall, authentication and max_connections.

    Try:  fleetsim run
          fleetsim check samples/fleet.json samples/attempts.jsonl
          fleetsim explain samples/fleet.json --user app@contoso --source-ip 203.0.113.9
          fleetsim check samples/fleet.json samples/audit-trail.jsonl --store audit.db
          fleetsim audit query --store audit.db
          fleetsim alerts --store audit.db
          fleetsim serve            (then connect with the mariadb client it prints)
          fleetsim whatif samples/fleet.json samples/fleet-proposed.json --traffic samples/attempts.jsonl
          fleetsim insights samples/fleet.json

    Against a running silo (dotnet run --project src/FleetSim.Silo), with ./silo.json:
          fleetsim fleet apply samples/fleet.json
          fleetsim server list
          fleetsim server firewall-rule create -s contoso -n home --start-ip-address 192.0.2.1 --end-ip-address 192.0.2.1

    Exit codes: 0 done, 1 a threshold broke, 2 bad input (every problem listed), 3 no silo answered.
    """)
{
    RunCommand.Create(),
    CheckCommand.Create(),
    ExplainCommand.Create(),
    AuditCommand.Create(),
    AuditCommand.Alerts(),
    FleetCommand.Create(),
    FleetCommand.Servers(),
    KeysCommand.Create(),
    ServeCommand.Create(),
    WhatIfCommand.Create(),
    InsightsCommand.Create(),
};
// Ctrl+C and SIGTERM cancel the command; it then needs time to close sessions and flush the audit log.
return await root.Parse(args).InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = TimeSpan.FromSeconds(60) });
