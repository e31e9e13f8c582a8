Console.WriteLine("fleetsim");
