namespace NetView.Web.ViewModels;

/// <summary>One sort of the services grid: the column's key of a row, its direction and comparer (the grid's own, when it has one).</summary>
public sealed record ServiceRowSort(Func<ServiceRow, object?> Key, bool Descending, IComparer<object?>? Comparer = null);
