using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Text;

namespace DeliverabilityBot.Tests.Shared;

/// <summary>
/// Every public property of an object graph as text, in a stable order: to assert that two results are equal in
/// everything a caller can see (including properties added later) without writing a comparer per type.
/// </summary>
internal static class PublicState
{
    /// <summary>The text of <paramref name="value"/>'s public state, <paramref name="depth"/> levels deep.</summary>
    public static string Of(object? value, int depth = 6)
    {
        var text = new StringBuilder();
        Write(text, value, depth);
        return text.ToString();
    }

    private static void Write(StringBuilder text, object? value, int depth)
    {
        switch (value)
        {
            case null:
                text.Append("null");
                return;
            case string s:
                text.Append('"').Append(s).Append('"');
                return;
            case IFormattable f:
                text.Append(f.ToString(null, CultureInfo.InvariantCulture));
                return;
            case bool or char or Enum:
                text.Append(value);
                return;
            case IEnumerable items:
                text.Append('[');
                foreach (var item in items)
                {
                    Write(text, item, depth - 1);
                    text.Append(", ");
                }
                text.Append(']');
                return;
        }
        if (depth <= 0)
        {
            text.Append("...");
            return;
        }
        text.Append(value.GetType().Name).Append(" {");
        foreach (var p in value.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0).OrderBy(p => p.Name, StringComparer.Ordinal))
        {
            text.Append(' ').Append(p.Name).Append('=');
            Write(text, p.GetValue(value), depth - 1);
        }
        text.Append(" }");
    }
}
