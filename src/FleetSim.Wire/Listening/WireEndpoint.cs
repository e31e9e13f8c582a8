using System.Net;
using FleetSim.Contracts.Connections;

namespace FleetSim.Wire.Listening;

/// <summary>
/// One listener: a real client cannot say which internet address it comes from, so a listener
/// stands for a pair, the gateway address it reaches and the source its clients present. Host,
/// when given, is the name its clients are taken to have dialled (a login without @server is routed
/// by its first label). Direct, on a gateway listener, is its companion direct endpoint: where the
/// redirect policy sends its clients.
/// </summary>
public sealed record WireEndpoint(IPEndPoint Endpoint, string Gateway, SourceAddress Source, string? Host = null, IPEndPoint? Direct = null);
