using FleetSim.AuditStore;
using FleetSim.Policy.Validation;

namespace FleetSim.Cli;

/// <summary>Turns bad input into a readable list and exit code 2, instead of a stack trace.</summary>
public static class CliErrors
{
    public const int BadInput = 2;

    /// <summary>A cluster named with --gateway or --cluster, or a redis:// audit store, did not answer.</summary>
    public const int Unreachable = 3;

    public static async Task<int> Guard(Func<Task<int>> action)
    {
        try
        {
            return await action();
        }
        catch (FleetSpecException e)
        {
            return Report(e.Errors.Select(error => $"{e.SourceName}: {error}").ToList());
        }
        catch (InputException e)
        {
            return Report(e.Errors);
        }
        catch (Client.Attempts.AttemptFileException e)
        {
            return Report(e.Errors);
        }
        catch (FileNotFoundException e)
        {
            return Report([$"{e.FileName}: file not found"]);
        }
        catch (DirectoryNotFoundException e)
        {
            return Report([e.Message]);
        }
        catch (Grains.SiloConfigurationException e)
        {
            return Report([e.Message]);
        }
        catch (AuditStoreLocationException e)
        {
            return Report([e.Message]);
        }
        catch (Exception e) when (e is Hosting.ClusterUnreachableException or AuditStoreUnreachableException)
        {
            // A server that did not answer is not the command's fault: its own exit code, one line.
            Console.Error.WriteLine($"error: {e.Message}");
            return Unreachable;
        }
    }

    private static int Report(IReadOnlyList<string> errors)
    {
        const int shown = 50;
        foreach (var error in errors.Take(shown))
            Console.Error.WriteLine($"error: {error}");
        if (errors.Count > shown)
            Console.Error.WriteLine($"... and {errors.Count - shown} more errors");
        return BadInput;
    }
}
