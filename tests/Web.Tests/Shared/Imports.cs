using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using NetView.Web.ViewModels;

namespace NetView.Web.Tests.Shared;

/// <summary>An import store over a fake clock, as the dashboard registers it.</summary>
internal static class Imports
{
    public static ImportStore Store(FakeTimeProvider clock, int maxImports = 16, int maxBytes = 1024 * 1024) =>
        new(Options.Create(new ImportOptions { MaxImports = maxImports, MaxBytes = maxBytes, Lifetime = TimeSpan.FromHours(1) }), clock);
}
