namespace FleetSim.Policy.Sessions;

internal enum SqlTokenKind : byte
{
    End,

    /// <summary>A keyword or an unquoted identifier.</summary>
    Word,

    /// <summary>`name`, with `` for a backtick inside.</summary>
    QuotedIdentifier,

    /// <summary>'text' or "text".</summary>
    String,

    Number,

    /// <summary>Any other single character: . , ( ) * = @ ; and operators.</summary>
    Symbol,

    /// <summary>A string or quoted identifier without its closing quote.</summary>
    Unterminated,
}

/// <summary>A token as a position in the statement text, so that lexing allocates nothing.</summary>
internal readonly record struct SqlToken(SqlTokenKind Kind, int Start, int Length)
{
    public int End => Start + Length;
}
