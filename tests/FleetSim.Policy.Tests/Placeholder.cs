namespace FleetSim.Policy.Tests;
