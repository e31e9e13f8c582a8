using FleetSim.Policy.Spec;
using FleetSim.Policy.Validation;

namespace FleetSim.Wire.Tests;

/// <summary>One server per behaviour the wire tests meet, behind one gateway; listeners present 203.0.113.9.</summary>
internal static class TestFleet
{
    public const string Gateway = "40.71.8.203";
    public const string SourceIp = "203.0.113.9";
    public const string AdminPassword = "Adm1n!pw";
    public const string AppPassword = "Sh0p!2026";

    public static FleetSpec Spec => FleetSpecReader.Read(Json, "test-fleet.json");

    private const string Json = """
        {
          "regions": [ { "name": "eastus", "gateways": [ { "ip": "40.71.8.203", "state": "Current" } ] } ],
          "servers": [
            { "name": "contoso", "region": "eastus", "sku": "GP_Gen5_4", "minimalTlsVersion": "TLS1_2",
              "administratorLogin": "dbadmin", "administratorLoginPassword": "Adm1n!pw",
              "firewallRules": [ { "name": "office", "startIpAddress": "203.0.113.0", "endIpAddress": "203.0.113.255" } ],
              "users": [ { "name": "app", "password": "Sh0p!2026", "grants": [ { "privileges": [ "SELECT" ], "database": "shop" } ] } ] },
            { "name": "closed", "region": "eastus", "sku": "GP_Gen5_2",
              "administratorLogin": "dbadmin", "administratorLoginPassword": "Adm1n!pw",
              "firewallRules": [ { "name": "elsewhere", "startIpAddress": "198.51.100.0", "endIpAddress": "198.51.100.255" } ] },
            { "name": "stopped", "region": "eastus", "sku": "GP_Gen5_2", "state": "Stopped",
              "administratorLogin": "dbadmin", "administratorLoginPassword": "Adm1n!pw" },
            { "name": "tiny", "region": "eastus", "sku": "B_Gen5_1", "sslEnforcement": "Disabled",
              "administratorLogin": "dbadmin", "administratorLoginPassword": "Adm1n!pw",
              "firewallRules": [ { "name": "all", "startIpAddress": "0.0.0.0", "endIpAddress": "255.255.255.255" } ],
              "configurations": { "max_connections": "10" } },
            { "name": "plain", "region": "eastus", "sku": "GP_Gen5_2", "sslEnforcement": "Disabled",
              "administratorLogin": "dbadmin", "administratorLoginPassword": "Adm1n!pw",
              "firewallRules": [ { "name": "all", "startIpAddress": "0.0.0.0", "endIpAddress": "255.255.255.255" } ] },
            { "name": "redirecting", "region": "eastus", "sku": "GP_Gen5_2",
              "administratorLogin": "dbadmin", "administratorLoginPassword": "Adm1n!pw",
              "firewallRules": [ { "name": "all", "startIpAddress": "0.0.0.0", "endIpAddress": "255.255.255.255" } ],
              "configurations": { "redirect_enabled": "ON" } },
            { "name": "victim", "region": "eastus", "sku": "GP_Gen5_2",
              "administratorLogin": "dbadmin", "administratorLoginPassword": "Adm1n!pw",
              "firewallRules": [ { "name": "all", "startIpAddress": "0.0.0.0", "endIpAddress": "255.255.255.255" } ] }
          ]
        }
        """;
}
