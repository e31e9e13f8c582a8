namespace FleetSim.Grains.Tests;
