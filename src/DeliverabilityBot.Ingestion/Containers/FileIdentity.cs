using System.Runtime.InteropServices;

namespace DeliverabilityBot.Ingestion.Containers;

/// <summary>What a path is on disk (following symbolic links): its type, and its device and inode.</summary>
/// <param name="Type">Regular file, folder, or something that is neither (a FIFO, a socket, a device).</param>
/// <param name="Device">The device number (with <paramref name="Inode"/>, the file's identity whatever its path).</param>
/// <param name="Inode">The inode number.</param>
internal readonly record struct FileIdentity(FileIdentity.Kind Type, ulong Device, ulong Inode)
{
    /// <summary>The types a walk tells apart.</summary>
    public enum Kind
    {
        /// <summary>A regular file.</summary>
        File,

        /// <summary>A folder.</summary>
        Folder,

        /// <summary>A FIFO (named pipe).</summary>
        Fifo,

        /// <summary>A Unix socket.</summary>
        Socket,

        /// <summary>A character or block device.</summary>
        Device,
    }

    /// <summary>
    /// The identity of <paramref name="path"/>, or null where it cannot be told (not Linux, or the path vanished): the
    /// caller then treats it as .NET does (a folder or a file).
    /// </summary>
    public static FileIdentity? Of(string path)
    {
        if (!OperatingSystem.IsLinux()) return null;
        Span<byte> buffer = stackalloc byte[256];
        int result;
        try
        {
            result = Statx(AtCurrentDirectory, path, 0, StatxBasicStats, ref MemoryMarshal.GetReference(buffer));
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            return null;
        }
        if (result != 0) return null;
        // struct statx (linux/stat.h): the same layout on every architecture.
        var mode = BitConverter.ToUInt16(buffer[28..30]);
        var inode = BitConverter.ToUInt64(buffer[32..40]);
        var device = ((ulong)BitConverter.ToUInt32(buffer[136..140]) << 32) | BitConverter.ToUInt32(buffer[140..144]);
        var type = (mode & 0xF000) switch
        {
            0x8000 => Kind.File,
            0x4000 => Kind.Folder,
            0x1000 => Kind.Fifo,
            0xC000 => Kind.Socket,
            _ => Kind.Device,
        };
        return new FileIdentity(type, device, inode);
    }

    private const int AtCurrentDirectory = -100;
    private const uint StatxBasicStats = 0x7ff;

    [DllImport("libc", EntryPoint = "statx", SetLastError = true, CharSet = CharSet.Ansi, BestFitMapping = false, ThrowOnUnmappableChar = true)]
    private static extern int Statx(int dirfd, string path, int flags, uint mask, ref byte buffer);
}
