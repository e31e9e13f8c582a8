using System.Text.RegularExpressions;

namespace FleetSim.Cli.Tests;

/// <summary>
/// A .dockerignore read as Docker reads it: one pattern a line (Go's filepath.Match, plus `**` for
/// any number of folders), `!` to bring a path back, the last matching line deciding; a pattern
/// that matches a folder leaves out everything in it.
/// </summary>
public sealed class DockerIgnore(IReadOnlyList<(Regex Pattern, bool Exclude)> rules)
{
    public static DockerIgnore Read(string path) => new([.. File.ReadAllLines(path)
        .Select(line => line.Trim())
        .Where(line => line.Length > 0 && !line.StartsWith('#'))
        .Select(line => line.StartsWith('!') ? (Pattern(line[1..]), false) : (Pattern(line), true))]);

    /// <summary>Whether the build context leaves <paramref name="path"/> (relative, with '/') out.</summary>
    public bool Excludes(string path)
    {
        var segments = path.Split('/');
        var excluded = false;
        foreach (var (pattern, exclude) in rules)
        {
            // The path itself or any folder above it.
            if (Enumerable.Range(1, segments.Length).Any(n => pattern.IsMatch(string.Join('/', segments.Take(n)))))
                excluded = exclude;
        }
        return excluded;
    }

    private static Regex Pattern(string pattern)
    {
        var clean = pattern.Trim('/');
        var regex = new System.Text.StringBuilder("^");
        for (var i = 0; i < clean.Length; i++)
        {
            if (clean.AsSpan(i).StartsWith("**/"))
            {
                regex.Append("(?:.*/)?");
                i += 2;
            }
            else if (clean.AsSpan(i).StartsWith("**"))
            {
                regex.Append(".*");
                i += 1;
            }
            else if (clean[i] == '*')
                regex.Append("[^/]*");
            else if (clean[i] == '?')
                regex.Append("[^/]");
            else
                regex.Append(Regex.Escape(clean[i].ToString()));
        }
        return new Regex(regex.Append('$').ToString(), RegexOptions.CultureInvariant);
    }
}
