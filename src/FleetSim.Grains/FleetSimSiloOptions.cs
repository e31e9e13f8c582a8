using FleetSim.Grains.Audit;
using Microsoft.Extensions.Configuration;

namespace FleetSim.Grains;

/// <summary>
/// Where a silo keeps what FleetSim writes: the <c>FleetSim</c> section of its configuration
/// (silo.json, FleetSim__* environment variables, or the embedded silo's in-memory settings).
/// The defaults are a silo that keeps everything under data/ in its working directory; relative
/// paths are relative to the working directory.
/// </summary>
public sealed class FleetSimSiloOptions
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string Section = "FleetSim";

    /// <summary>The grain storage provider FleetSim's grains persist their state with.</summary>
    public const string StateStorage = "fleet";

    /// <summary>The <see cref="StateStore"/> that keeps grain state in memory only, for silos whose state need not outlive them.</summary>
    public const string InMemory = "memory";

    /// <summary>Where the audit log, gateway connection log and alerts go: a SQLite file, or redis://host:port. Default: data/audit.db.</summary>
    public string AuditStore { get; set; } = Path.Combine("data", "audit.db");

    /// <summary>
    /// Where grain state (fleet directory, accounts, baselines, backups) goes, encrypted at rest: a
    /// SQLite file, redis://host:port[,StackExchange.Redis options] (keys prefixed by the ServiceId),
    /// or <see cref="InMemory"/>. Default: data/state.db.
    /// </summary>
    public string StateStore { get; set; } = Path.Combine("data", "state.db");

    /// <summary>The service key file that wraps the state's data-encryption keys (FLEETSIM_SERVICE_KEY wins when set). Default: data/service-keys.json.</summary>
    public string KeyFile { get; set; } = Path.Combine("data", "service-keys.json");

    /// <summary>Whether clients hear "done" before or after their audit records are stored: batched (default) or acknowledged, any case.</summary>
    [ConfigurationKeyName("AuditDurability")]
    public string AuditDurabilityName { get; set; } = "batched";

    // Internal, so that the configuration binder leaves it alone: a name it cannot read then
    // reaches validation, which says what is wrong in the file's terms, instead of failing the bind.
    internal AuditDurability AuditDurability => SiloConfiguration.ParseDurability(AuditDurabilityName) ?? AuditDurability.Batched;

    /// <summary>True when grain state is kept in memory only.</summary>
    public bool KeepsStateInMemory => string.Equals(StateStore, InMemory, StringComparison.OrdinalIgnoreCase);
}
