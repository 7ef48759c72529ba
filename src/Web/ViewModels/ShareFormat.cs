using System.Globalization;

namespace NetView.Web.ViewModels;

/// <summary>How shares and rates read on every page: "33.3 %", "12.5/s".</summary>
public static class ShareFormat
{
    public static string Percent(double share) => (share * 100).ToString(share is > 0 and < 0.001 ? "0.###" : "0.#", CultureInfo.InvariantCulture) + " %";

    public static string Rate(double perSecond) => perSecond.ToString(perSecond < 10 ? "0.##" : "0", CultureInfo.InvariantCulture) + "/s";
}
