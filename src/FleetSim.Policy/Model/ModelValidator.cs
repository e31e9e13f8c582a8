using System.Globalization;
using FleetSim.Policy.Spec;
using FleetSim.Policy.Validation;

namespace FleetSim.Policy.Model;

/// <summary>
/// Checks the fleet's model section and reports every problem as "path: message" naming the
/// field and its value, like the rest of <see cref="FleetSpecValidator"/>, which calls it.
/// </summary>
internal static class ModelValidator
{
    public static void Validate(ModelSpec model, SpecPath path, ValidationErrors errors)
    {
        if (model.Network is not { } network)
            errors.Add(path.Property("network"), "must not be null; leave it out for the defaults");
        else
        {
            var at = path.Property("network");
            foreach (var (kind, ms) in network.RttMs ?? [])
            {
                if (!SourceKinds.TryParse(kind, out _))
                    errors.Add(at.Property("rttMs").Key(kind), $"'{kind}' is not a source kind: one of {SourceKinds.Names}");
                else
                    NonNegative(ms, at.Property("rttMs").Key(kind), errors);
            }
            if (network.ConnectRoundTrips < 0)
                errors.Add(at.Property("connectRoundTrips"), $"'{Text(network.ConnectRoundTrips)}' must be zero or more round trips");
            NonNegative(network.GatewayToServerMs, at.Property("gatewayToServerMs"), errors);
        }

        if (model.Tls is not { } tls)
            errors.Add(path.Property("tls"), "must not be null; leave it out for the defaults");
        else
        {
            var at = path.Property("tls");
            foreach (var (version, trips) in tls.HandshakeRoundTrips ?? [])
            {
                if (!TlsVersions.TryParseOffered(version, out var parsed) || parsed == TlsVersion.None)
                    errors.Add(at.Property("handshakeRoundTrips").Key(version), $"'{version}' is not a TLS version: one of 1.0, 1.1, 1.2, 1.3");
                else if (trips < 0)
                    errors.Add(at.Property("handshakeRoundTrips").Key(version), $"'{Text(trips)}' must be zero or more round trips");
            }
            ServiceTimeRules(tls.HandshakeCpu, at.Property("handshakeCpu"), errors);
        }

        if (model.Gateway is not { } gateway)
            errors.Add(path.Property("gateway"), "must not be null; leave it out for the defaults");
        else
        {
            Workers(gateway.Workers, path.Property("gateway").Property("workers"), errors);
            ServiceTimeRules(gateway.Connect, path.Property("gateway").Property("connect"), errors);
            ServiceTimeRules(gateway.Statement, path.Property("gateway").Property("statement"), errors);
        }

        if (model.Server is not { } server)
            errors.Add(path.Property("server"), "must not be null; leave it out for the defaults");
        else
        {
            Workers(server.WorkersPerVCore, path.Property("server").Property("workersPerVCore"), errors);
            ServiceTimeRules(server.Login, path.Property("server").Property("login"), errors);
            ServiceTimeRules(server.Statement, path.Property("server").Property("statement"), errors);
        }

        if (!(model.TimeoutMs > 0) || double.IsInfinity(model.TimeoutMs))
            errors.Add(path.Property("timeoutMs"), $"'{Text(model.TimeoutMs)}' must be a positive number of milliseconds");
    }

    private static void ServiceTimeRules(ServiceTimeSpec? time, SpecPath path, ValidationErrors errors)
    {
        if (time is null)
            return;
        if (time.Distribution is not ("constant" or "exponential" or "lognormal"))
            errors.Add(path.Property("distribution"), time.Distribution is null
                ? "is required: one of constant|exponential|lognormal"
                : $"'{time.Distribution}' is not one of constant|exponential|lognormal");
        if (time.MeanMs is not { } mean)
        {
            errors.Add(path.Property("meanMs"), "is required: the mean service time in milliseconds");
            return;
        }
        var positive = time.Distribution == "constant" ? mean >= 0 : mean > 0;
        if (!positive || double.IsInfinity(mean))
            errors.Add(path.Property("meanMs"), $"'{Text(mean)}' must be a {(time.Distribution == "constant" ? "non-negative" : "positive")} number of milliseconds");
        if (time.P99Ms is not { } p99)
            return;
        if (time.Distribution != "lognormal")
            errors.Add(path.Property("p99Ms"), $"'{Text(p99)}' applies only to the lognormal distribution");
        else if (positive && !(p99 > mean && p99 <= mean * ServiceTime.MaxLognormalP99OverMean))
            errors.Add(path.Property("p99Ms"), $"'{Text(p99)}' must be above meanMs ({Text(mean)}) and at most {Text(Math.Round(ServiceTime.MaxLognormalP99OverMean, 2))} times it: no lognormal has both otherwise");
    }

    private static void Workers(int workers, SpecPath path, ValidationErrors errors)
    {
        if (workers < 1)
            errors.Add(path, $"'{Text(workers)}' must be a positive whole number of workers");
    }

    private static void NonNegative(double ms, SpecPath path, ValidationErrors errors)
    {
        if (!(ms >= 0) || double.IsInfinity(ms))
            errors.Add(path, $"'{Text(ms)}' must be zero or more milliseconds");
    }

    private static string Text(double value) => value.ToString(CultureInfo.InvariantCulture);
}
