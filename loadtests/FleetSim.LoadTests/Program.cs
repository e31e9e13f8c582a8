Console.WriteLine("FleetSim load tests");
