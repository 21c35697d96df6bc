using System.Runtime.InteropServices;

namespace DeliverabilityBot.Store.Writing;

/// <summary>
/// The few SQLite calls of the bulk insert, imported straight from the <c>e_sqlite3</c> library that Microsoft.Data.Sqlite
/// bundles, with raw handles: SQLitePCL's wrappers add a SafeHandle reference count and an interface call to every bind,
/// and copy each text into a new UTF-8 array, which together cost about as much as SQLite's own work per row.
/// <see cref="Available"/> is false (and <see cref="RawStatement"/> keeps to SQLitePCL) when the library cannot be
/// imported under that name or is not the one SQLitePCL loaded.
/// </summary>
internal static unsafe partial class NativeSqlite
{
    private const string Library = "e_sqlite3";

    /// <summary>SQLITE_TRANSIENT: SQLite copies a bound text before the call returns.</summary>
    private static readonly IntPtr Transient = new(-1);

    /// <summary>Whether the imports reach the same library as SQLitePCL.</summary>
    public static bool Available { get; } = Probe();

    public static int BindInt64(IntPtr stmt, int index, long value) => sqlite3_bind_int64(stmt, index, value);

    public static int BindNull(IntPtr stmt, int index) => sqlite3_bind_null(stmt, index);

    public static int BindText(IntPtr stmt, int index, string value)
    {
        fixed (char* p = value) return sqlite3_bind_text16(stmt, index, p, value.Length * 2, Transient);
    }

    public static int Step(IntPtr stmt) => sqlite3_step(stmt);

    public static int Reset(IntPtr stmt) => sqlite3_reset(stmt);

    public static int Changes(IntPtr db) => sqlite3_changes(db);

    public static long ColumnInt64(IntPtr stmt, int column) => sqlite3_column_int64(stmt, column);

    private static bool Probe()
    {
        try
        {
            return sqlite3_libversion_number() == SQLitePCL.raw.sqlite3_libversion_number();
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException or BadImageFormatException)
        {
            return false;
        }
    }

    [LibraryImport(Library)]
    private static partial int sqlite3_libversion_number();

    [LibraryImport(Library)]
    private static partial int sqlite3_bind_int64(IntPtr stmt, int index, long value);

    [LibraryImport(Library)]
    private static partial int sqlite3_bind_null(IntPtr stmt, int index);

    [LibraryImport(Library)]
    private static partial int sqlite3_bind_text16(IntPtr stmt, int index, char* text, int bytes, IntPtr destructor);

    [LibraryImport(Library)]
    private static partial int sqlite3_step(IntPtr stmt);

    [LibraryImport(Library)]
    private static partial int sqlite3_reset(IntPtr stmt);

    [LibraryImport(Library)]
    private static partial int sqlite3_changes(IntPtr db);

    [LibraryImport(Library)]
    private static partial long sqlite3_column_int64(IntPtr stmt, int column);
}
