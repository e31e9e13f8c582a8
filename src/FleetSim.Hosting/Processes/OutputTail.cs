using System.Diagnostics;

namespace FleetSim.Hosting.Processes;

/// <summary>
/// The last lines a child process wrote: read continuously, so that a chatty child never blocks on
/// a full pipe, and kept so that when it dies the error can say why.
/// </summary>
public sealed class OutputTail
{
    private readonly Queue<string> _lines = new();
    private readonly int _capacity;

    private OutputTail(int capacity) => _capacity = capacity;

    /// <summary>Starts reading the process's redirected standard output and error.</summary>
    public static OutputTail Follow(Process process, int capacity = 20)
    {
        var tail = new OutputTail(capacity);
        process.OutputDataReceived += (_, e) => tail.Add(e.Data);
        process.ErrorDataReceived += (_, e) => tail.Add(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return tail;
    }

    /// <summary>The kept lines, oldest first, one per line.</summary>
    public override string ToString()
    {
        lock (_lines)
            return string.Join(Environment.NewLine, _lines);
    }

    private void Add(string? line)
    {
        if (string.IsNullOrWhiteSpace(line))
            return;
        lock (_lines)
        {
            _lines.Enqueue(line);
            if (_lines.Count > _capacity)
                _lines.Dequeue();
        }
    }
}
