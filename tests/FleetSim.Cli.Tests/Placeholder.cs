namespace FleetSim.Cli.Tests;
