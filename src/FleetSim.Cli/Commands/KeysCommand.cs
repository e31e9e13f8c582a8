using System.CommandLine;
using FleetSim.Storage;
using FleetSim.Storage.Encryption;
using FleetSim.Grains;

namespace FleetSim.Cli.Commands;

/// <summary>`fleetsim keys rotate`: a new service key, and every stored data key re-wrapped with it.</summary>
public static class KeysCommand
{
    public static Command Create()
    {
        var keys = new Command("keys", "Manage the service key that wraps the data-encryption keys of the silo's stored state.");
        var cluster = new Option<string>("--cluster") { Description = "The silo.json whose FleetSim:StateStore and FleetSim:KeyFile to use.", DefaultValueFactory = _ => "silo.json" };
        var rotate = new Command("rotate", """
            Make a new service key current and re-wrap every stored data-encryption key with it, in
            place, batch by batch. Running silos keep reading and writing: they pick the new key up
            from the key file. Old keys stay in the file, so records written during the pass remain
            readable; run rotate again to finish any stragglers.
            """) { cluster };
        rotate.SetAction(parse => Rotate(parse.GetValue(cluster)!));
        keys.Subcommands.Add(rotate);
        return keys;
    }

    private static int Rotate(string siloFile)
    {
        if (!File.Exists(siloFile))
        {
            Console.Error.WriteLine($"error: --cluster: '{siloFile}' does not exist");
            return CliErrors.BadInput;
        }
        var options = SiloConfiguration.Options(SiloConfiguration.Read(siloFile));
        var (statePath, keyFile) = (options.StateStore!, options.KeyFilePath);
        if (!File.Exists(statePath))
        {
            Console.Error.WriteLine($"error: no state store at {statePath}: start the silo once first (FleetSim:StateStore in {siloFile})");
            return CliErrors.BadInput;
        }
        try
        {
            using var store = new SqliteStateStore(statePath);
            var keys = ServiceKeyStore.Open(new StateEncryptionOptions { KeyFilePath = keyFile, CreateKeyFile = false });
            var (keyId, rewrapped) = StateKeyRotation.Rotate(store, keys);
            Console.Out.WriteLine($"service key {keyId} is current; {rewrapped} stored records re-wrapped ({statePath})");
            return 0;
        }
        catch (ServiceKeyUnavailableException e)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return CliErrors.BadInput;
        }
    }
}
