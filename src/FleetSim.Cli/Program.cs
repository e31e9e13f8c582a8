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
};
return await root.Parse(args).InvokeAsync();
