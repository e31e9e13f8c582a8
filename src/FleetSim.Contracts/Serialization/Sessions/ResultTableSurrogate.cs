using FleetSim.Policy.Sessions;

namespace FleetSim.Contracts.Serialization.Sessions;

/// <summary>A statement's rows, as text.</summary>
[GenerateSerializer]
internal record struct ResultTableSurrogate(IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<string?>> Rows);

[RegisterConverter]
internal sealed class ResultTableConverter : IConverter<ResultTable, ResultTableSurrogate>
{
    public ResultTableSurrogate ConvertToSurrogate(in ResultTable value) => new(value.Columns, value.Rows);

    public ResultTable ConvertFromSurrogate(in ResultTableSurrogate surrogate) => new(surrogate.Columns, surrogate.Rows);
}
