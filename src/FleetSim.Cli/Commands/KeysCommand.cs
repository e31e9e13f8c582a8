using System.CommandLine;
using FleetSim.Storage;
using FleetSim.Storage.Encryption;
using FleetSim.Storage.Redis;
using FleetSim.Grains;
using StackExchange.Redis;

namespace FleetSim.Cli.Commands;

/// <summary>`fleetsim keys rotate`: a new service key, and every stored data key re-wrapped with it.</summary>
public static class KeysCommand
{
    public static Command Create()
    {
        var keys = new Command("keys", "Manage the service key that wraps the data-encryption keys of the silo's stored state.");
        var cluster = new Option<string>("--cluster") { Description = "The silo.json whose FleetSim:StateStore, FleetSim:KeyFile and Orleans:ServiceId to use.", DefaultValueFactory = _ => "silo.json" };
        var rotate = new Command("rotate", """
            Make a new service key current and re-wrap every stored data-encryption key with it, in
            place: a SQLite state file batch by batch, a Redis state store record by record (never
            over a record a silo changed meanwhile). Running silos keep reading and writing: they pick
            the new key up from the key file. Old keys stay in the file, so records written during the
            pass remain readable; run rotate again to finish any stragglers.
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
        var configuration = SiloConfiguration.Read(siloFile);
        var options = SiloConfiguration.Options(configuration);
        var (location, keyFile) = (options.StateStore, options.KeyFile);
        if (options.KeepsStateInMemory)
        {
            Console.Error.WriteLine($"error: FleetSim:StateStore in {siloFile} is {FleetSimSiloOptions.InMemory}: there is no stored state to re-wrap");
            return CliErrors.BadInput;
        }
        if (!StateStores.Exists(location))
        {
            Console.Error.WriteLine($"error: no state store at {location}: start the silo once first (FleetSim:StateStore in {siloFile})");
            return CliErrors.BadInput;
        }
        IStateStore store;
        try
        {
            store = StateStores.Open(location, SiloConfiguration.ServiceId(configuration));
        }
        catch (ArgumentException e)
        {
            Console.Error.WriteLine($"error: FleetSim:StateStore in {siloFile}: {e.Message}");
            return CliErrors.BadInput;
        }
        catch (RedisConnectionException e)
        {
            Console.Error.WriteLine($"error: the Redis state store {RedisStateLocation.Describe(RedisStateLocation.Parse(location))} did not answer; nothing was changed: {e.Message}");
            return CliErrors.Unreachable;
        }
        using (store)
            return Rotate(store, keyFile);
    }

    private static int Rotate(IStateStore store, string keyFile)
    {
        try
        {
            var keys = ServiceKeyStore.Open(new StateEncryptionOptions { KeyFilePath = keyFile, CreateKeyFile = false });
            var (keyId, rewrapped) = StateKeyRotation.Rotate(store, keys);
            Console.Out.WriteLine($"service key {keyId} is current; {rewrapped} stored records re-wrapped ({store.Location})");
            return 0;
        }
        catch (ServiceKeyUnavailableException e)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return CliErrors.BadInput;
        }
        catch (RedisException e)
        {
            // The new key is saved and current, and every record is readable under one of the keys.
            Console.Error.WriteLine($"error: the re-wrap stopped part way ({store.Location}): {e.Message}. Every record stays readable; run rotate again to finish.");
            return CliErrors.Unreachable;
        }
    }
}
