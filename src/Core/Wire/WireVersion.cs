namespace NetView.Core.Wire;

/// <summary>
/// The version every frame carries first. A receiver refuses frames of a version it does not
/// know, with a reason, instead of misreading them. Raise it when a field changes meaning;
/// new trailing fields do not need a new version.
/// </summary>
public static class WireVersion
{
    public const int Current = 1;
}
