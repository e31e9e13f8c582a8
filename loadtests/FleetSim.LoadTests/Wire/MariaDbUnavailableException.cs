namespace FleetSim.LoadTests.Wire;

/// <summary>The real MariaDB server the baseline needs could not be installed or started; the message says why and what to do.</summary>
public sealed class MariaDbUnavailableException : Exception
{
    public MariaDbUnavailableException()
    {
    }

    public MariaDbUnavailableException(string message) : base(message)
    {
    }

    public MariaDbUnavailableException(string message, Exception inner) : base(message, inner)
    {
    }
}
