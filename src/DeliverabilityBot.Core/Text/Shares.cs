using System.Globalization;

namespace DeliverabilityBot.Core.Text;

/// <summary>Shares as people read them, the same in every answer (CLI, chat, web).</summary>
public static class Shares
{
    /// <summary><c>31%</c>, <c>4.2%</c> or <c>0.3%</c>; <c>0%</c> when the whole is zero.</summary>
    public static string Percent(long part, long whole)
    {
        if (whole <= 0 || part <= 0) return "0%";
        if (part >= whole) return "100%";
        var p = 100.0 * part / whole;
        // Never round a real share to 0% or 100%: 2 of 5,000 is "<0.1%", 4,990 of 5,000 is "99.8%".
        if (p < 0.1) return "<0.1%";
        if (p > 99) return (Math.Floor(p * 10) / 10).ToString("0.#", CultureInfo.InvariantCulture) + "%";
        return p >= 10 ? p.ToString("0", CultureInfo.InvariantCulture) + "%" : p.ToString("0.#", CultureInfo.InvariantCulture) + "%";
    }
}
