using System.Globalization;
using ScottPlot;

namespace FleetSim.LoadTests.Scale;

/// <summary>
/// One curve as a PNG: connections per second (FleetSim and the engine floor) on the left axis and
/// memory per server on the right, over a logarithmic axis of fleet size or rules per server.
/// </summary>
public static class ScaleChart
{
    public static void Save(string path, string title, string xLabel, IReadOnlyList<ScalePoint> points, Func<ScalePoint, int> x)
    {
        var plot = new Plot();
        var xs = points.Select(p => Math.Log10(x(p))).ToArray();
        var fleet = plot.Add.Scatter(xs, [.. points.Select(p => p.ConnectionsPerSecond)]);
        fleet.LegendText = "FleetSim connections/s";
        fleet.LineWidth = 2;
        fleet.MarkerSize = 7;
        var floor = plot.Add.Scatter(xs, [.. points.Select(p => p.FloorConnectionsPerSecond)]);
        floor.LegendText = "engine floor connections/s";
        floor.LinePattern = LinePattern.Dashed;
        floor.MarkerSize = 5;
        var memory = plot.Add.Scatter(xs, [.. points.Select(p => p.ManagedBytesPerActiveServer / 1024)]);
        memory.LegendText = "managed KiB per server in use (right)";
        memory.LineWidth = 2;
        memory.MarkerSize = 7;
        memory.Axes.YAxis = plot.Axes.Right;
        var idle = plot.Add.Scatter(xs, [.. points.Select(p => p.ManagedBytesPerServer / 1024)]);
        idle.LegendText = "managed KiB per idle server (right)";
        idle.LinePattern = LinePattern.Dotted;
        idle.MarkerSize = 5;
        idle.Axes.YAxis = plot.Axes.Right;

        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            xs, [.. points.Select(p => x(p).ToString("N0", CultureInfo.InvariantCulture))]);
        plot.Title(title);
        plot.XLabel(xLabel);
        plot.Axes.Left.Label.Text = "connections/s";
        plot.Axes.Right.Label.Text = "KiB per server";
        plot.Axes.SetLimitsY(0, points.Max(p => Math.Max(p.ConnectionsPerSecond, p.FloorConnectionsPerSecond)) * 1.15, plot.Axes.Left);
        plot.Axes.SetLimitsY(0, points.Max(p => Math.Max(p.ManagedBytesPerServer, p.ManagedBytesPerActiveServer) / 1024) * 1.15 + 1, plot.Axes.Right);
        var margin = xs.Length > 1 ? (xs.Max() - xs.Min()) * 0.08 : 0.5;
        plot.Axes.SetLimitsX(xs.Min() - margin, xs.Max() + margin);
        plot.ShowLegend(Alignment.LowerLeft);
        plot.SavePng(path, 900, 420);
    }
}
