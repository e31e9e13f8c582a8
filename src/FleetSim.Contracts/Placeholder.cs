namespace FleetSim.Contracts;
