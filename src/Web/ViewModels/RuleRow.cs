namespace NetView.Web.ViewModels;

/// <summary>
/// One row of a chain's rules grid. <see cref="Counted"/> is packets in most tables and
/// connections in nat (only a connection's first packet traverses nat). <see cref="Delta"/> is how
/// much it grew since the previous counter reading; a row with a positive delta is counting now.
/// </summary>
public sealed record RuleRow(int Number, int Line, string Text, string Target, long? Counted, long? Bytes, long? Delta)
{
    public bool CountingNow => Delta > 0;
}
