using System.Collections;

namespace NetView.Core.Analysis.Json;

/// <summary>
/// A read-only list whose items are made from another list's as they are read. The document of a
/// 300,000-rule dump has 17,600 service ports and 88,000 endpoints; serialized item by item they
/// never need to exist all at once.
/// </summary>
internal sealed class ProjectedList<TSource, T>(IReadOnlyList<TSource> source, Func<TSource, T> project) : IReadOnlyList<T>
{
    /// <summary>What the list projects, for a writer that can do without the projection.</summary>
    public IReadOnlyList<TSource> Source => source;

    public T this[int index] => project(source[index]);

    public int Count => source.Count;

    public IEnumerator<T> GetEnumerator()
    {
        for (var i = 0; i < source.Count; i++)
        {
            yield return project(source[i]);
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
