namespace FleetSim.Grains;
