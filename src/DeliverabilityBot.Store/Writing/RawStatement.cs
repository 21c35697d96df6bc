using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace DeliverabilityBot.Store.Writing;

/// <summary>
/// A statement prepared once on a connection's native handle and reused for every row: binding by position and
/// stepping directly costs a fraction of an ADO.NET command execution (no parameter lookup by name, no data reader),
/// which is most of the time of a bulk insert. Calls go through <see cref="NativeSqlite"/> where it is available, else
/// through SQLitePCL. Runs inside whatever transaction the connection has open.
/// </summary>
internal sealed class RawStatement : IDisposable
{
    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _stmt;
    private readonly IntPtr _dbPtr;
    private readonly IntPtr _stmtPtr;
    private readonly bool _native = NativeSqlite.Available;
    // What each parameter holds now: SQLite keeps bindings across resets, so an integer or NULL equal to the previous
    // row's is not bound again (most columns of consecutive rows repeat: receiver, reason, rule set, source, ...), which
    // saves a call and a lock of the connection's mutex per parameter.
    private readonly Bound[] _bound;
    private readonly long[] _value;

    public RawStatement(SqliteConnection connection, string sql)
    {
        _db = connection.Handle ?? throw new InvalidOperationException("The connection is not open.");
        Check(raw.sqlite3_prepare_v2(_db, sql, out _stmt));
        // Both handles outlive every call: the statement until Dispose, the connection beyond it.
        _dbPtr = _db.DangerousGetHandle();
        _stmtPtr = _stmt.DangerousGetHandle();
        var count = raw.sqlite3_bind_parameter_count(_stmt) + 1;
        _bound = new Bound[count];
        _value = new long[count];
    }

    private enum Bound : byte { Unknown, Integer, Null, Text }

    /// <summary>Binds an integer to the 1-based parameter <paramref name="index"/>.</summary>
    public void Bind(int index, long value)
    {
        if (_bound[index] == Bound.Integer && _value[index] == value) return;
        _bound[index] = Bound.Unknown;
        Check(_native ? NativeSqlite.BindInt64(_stmtPtr, index, value) : raw.sqlite3_bind_int64(_stmt, index, value));
        _bound[index] = Bound.Integer;
        _value[index] = value;
    }

    /// <summary>Binds a text, or NULL, to the 1-based parameter <paramref name="index"/>.</summary>
    public void Bind(int index, string? value)
    {
        if (value is null) { BindNull(index); return; }
        _bound[index] = Bound.Text;
        Check(_native ? NativeSqlite.BindText(_stmtPtr, index, value) : raw.sqlite3_bind_text(_stmt, index, value));
    }

    /// <summary>Binds an integer, or NULL, to the 1-based parameter <paramref name="index"/>.</summary>
    public void Bind(int index, long? value)
    {
        if (value is { } v) Bind(index, v);
        else BindNull(index);
    }

    /// <summary>Runs the statement to completion; returns the rows it changed. Ready to bind again afterwards.</summary>
    public int Execute()
    {
        if (!_native) return ExecuteManaged();
        var rc = NativeSqlite.Step(_stmtPtr);
        if (rc != raw.SQLITE_DONE && rc != raw.SQLITE_ROW)
        {
            var error = Error(rc);
            NativeSqlite.Reset(_stmtPtr);
            throw error;
        }
        var changes = NativeSqlite.Changes(_dbPtr);
        NativeSqlite.Reset(_stmtPtr);
        return changes;
    }

    /// <summary>
    /// Runs the statement for its first row: true and the row's first <paramref name="columns"/>.Length columns as
    /// integers (NULL reads as 0) when there is one, false when there is none. Ready to bind again afterwards.
    /// </summary>
    public bool QueryRow(Span<long> columns)
    {
        try
        {
            var rc = _native ? NativeSqlite.Step(_stmtPtr) : raw.sqlite3_step(_stmt);
            if (rc == raw.SQLITE_DONE) return false;
            if (rc != raw.SQLITE_ROW) throw Error(rc);
            for (var i = 0; i < columns.Length; i++)
                columns[i] = _native ? NativeSqlite.ColumnInt64(_stmtPtr, i) : raw.sqlite3_column_int64(_stmt, i);
            return true;
        }
        finally
        {
            if (_native) NativeSqlite.Reset(_stmtPtr);
            else raw.sqlite3_reset(_stmt);
        }
    }

    private int ExecuteManaged()
    {
        try
        {
            var rc = raw.sqlite3_step(_stmt);
            if (rc != raw.SQLITE_DONE && rc != raw.SQLITE_ROW) Check(rc);
            return raw.sqlite3_changes(_db);
        }
        finally
        {
            raw.sqlite3_reset(_stmt);
        }
    }

    private void BindNull(int index)
    {
        if (_bound[index] == Bound.Null) return;
        _bound[index] = Bound.Unknown;
        Check(_native ? NativeSqlite.BindNull(_stmtPtr, index) : raw.sqlite3_bind_null(_stmt, index));
        _bound[index] = Bound.Null;
    }

    private void Check(int rc)
    {
        if (rc != raw.SQLITE_OK) throw Error(rc);
    }

    private SqliteException Error(int rc) => new(raw.sqlite3_errmsg(_db).utf8_to_string(), rc, raw.sqlite3_extended_errcode(_db));

    /// <inheritdoc />
    public void Dispose() => _stmt.Dispose();
}
