using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using FleetSim.Client.Output;
using FleetSim.Contracts.Connections;
using FleetSim.Contracts.Fleet;
using FleetSim.Policy.Spec;

namespace FleetSim.Web.Lessons;

/// <summary>
/// The lessons that need a change to a fleet, or a fleet setting the watched fleet may lack, run
/// step by step on the <see cref="LessonFleet"/>: each step is a real attempt, answered as `explain
/// --json` writes it, with a sentence on what it shows.
/// </summary>
internal sealed class LessonRunner(LessonFleet fleet)
{
    private const string RulesServer = "lesson-rules";
    private const string RedirectServer = "lesson-redirect";
    private const string Password = "Lesson!2026";
    private long _ruleChanges;

    /// <summary>
    /// A new firewall rule is accepted at once but enforced only after ruleChangeDelay: the same
    /// client is refused before the change and still right after it. Each run adds a rule for an
    /// address of its own, so that an earlier run's rule, in force by now, proves nothing.
    /// </summary>
    public async Task<LessonView> RuleChangeIsNotInstant()
    {
        var n = Interlocked.Increment(ref _ruleChanges);
        var address = $"198.18.{(n / 250) % 250}.{n % 250 + 1}";
        var attempt = Attempt(RulesServer, "1.2", address);
        var before = await Step(attempt, $"Before: no firewall rule of {RulesServer} admits {address}.");

        var (host, _) = await fleet.Get();
        var rule = $"lesson-{n}";
        var changed = await host.Directory.Change(new CreateOrUpdateFirewallRuleCommand(RulesServer,
            new FirewallRuleSpec { Name = rule, StartIpAddress = address, EndIpAddress = address }));
        if (!changed.Succeeded)
            throw new InvalidOperationException("the lesson's rule was refused: " + string.Join("; ", changed.Errors));
        fleet.Changed(changed.Version);
        var status = await host.Grains.GetGrain<IServerGrain>(RulesServer).GetStatus();
        var applies = status.PendingRulesApplyAt?.ToUniversalTime().ToString("HH:mm:ss 'UTC'", CultureInfo.InvariantCulture) ?? "later";
        var after = await Step(attempt, $"Right after firewall rule '{rule}' for {address} was created (the change was accepted): still refused. The rule applies at {applies}.");
        return new LessonView("A rule change is not instant",
            "The real service accepts a firewall or VNet rule change at once but takes up to five minutes to enforce it at the gateways: a client tested right after the change is still refused. This lesson runs on a lessons fleet whose ruleChangeDelay is 5m.",
            [before, after]);
    }

    /// <summary>With redirect on, a login over TLS 1.2 is told the server's own address and its session skips the gateway; an older TLS stays proxied.</summary>
    public async Task<LessonView> RedirectSkipsTheGateway()
    {
        var redirected = await Step(Attempt(RedirectServer, "1.2", "203.0.113.9"),
            $"TLS 1.2: the gateway checks the login, then hands the client {RedirectServer}'s own address; the rest of the session goes there directly, skipping the gateway.");
        var proxied = await Step(Attempt(RedirectServer, "1.1", "203.0.113.9"),
            "TLS 1.1: redirect needs TLS 1.2 or later, so the gateway stays in the path (proxy). A driver in redirect mode 'preferred' falls back like this; in 'required' it fails.");
        return new LessonView("Redirect skips the gateway",
            "With redirect_enabled ON, the real service's gateway only checks the login and then tells the client where the server really is, so later packets avoid the gateway's extra hop; the firewall still decides at the gateway, at login. This lesson runs on a lessons fleet with such a server.",
            [redirected, proxied]);
    }

    private static string Attempt(string server, string tls, string ip) => JsonSerializer.Serialize(new
    {
        id = "lesson", host = $"{server}.mariadb.database.azure.com", user = $"dbadmin@{server}", password = Password, tls, source = new { ip },
    });

    private async Task<LessonStep> Step(string json, string says)
    {
        var (attempt, result) = await fleet.Try(json);
        var answer = JsonNode.Parse(TraceReport.Json(attempt, result))!.AsObject();
        answer["redirect"] = result.Redirect;
        return new LessonStep(says, answer);
    }
}

/// <summary>A lesson's result: what it is called, what the real service does and why, and its steps in order.</summary>
public sealed record LessonView(string Title, string Why, IReadOnlyList<LessonStep> Steps);

/// <summary>One attempt of a lesson and what it shows; <paramref name="Result"/> is as `explain --json` writes it, plus <c>redirect</c>.</summary>
public sealed record LessonStep(string Says, JsonObject Result);
