using NetView.Core.Iptables;

namespace NetView.Web.Api;

/// <summary>How the API spells families and reads them back (<c>ipv4</c>, <c>ipv6</c>, as in <c>analyze --json</c>).</summary>
internal static class ApiNames
{
    public static string Family(IpFamily family) => family == IpFamily.IPv6 ? "ipv6" : "ipv4";

    public static bool TryParseFamily(string? text, out IpFamily family)
    {
        family = IpFamily.IPv4;
        switch (text?.ToLowerInvariant())
        {
            case "ipv4" or "4":
                return true;
            case "ipv6" or "6":
                family = IpFamily.IPv6;
                return true;
            default:
                return false;
        }
    }
}
