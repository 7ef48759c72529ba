namespace NetView.Web.ViewModels;

/// <summary>Finds the source a page shows: an import when the URL carries its id, the live cluster otherwise.</summary>
public sealed class DashboardSources(ImportStore imports, IDashboardSource live)
{
    public IDashboardSource Live => live;

    /// <summary>The import with this id, the live cluster when <paramref name="importId"/> is empty, or null for an unknown or expired import.</summary>
    public IDashboardSource? Resolve(string? importId) => string.IsNullOrEmpty(importId) ? live : imports.Get(importId);
}
