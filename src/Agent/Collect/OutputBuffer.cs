namespace NetView.Agent.Collect;

/// <summary>
/// A command's standard output as bytes, reused from tick to tick: a 100,000-rule dump is
/// ~15 MB, and allocating that every second would keep the garbage collector busy.
/// </summary>
internal sealed class OutputBuffer
{
    /// <summary>Past this the command's output is refused rather than buffered without end.</summary>
    public const int MaxBytes = 512 * 1024 * 1024;

    private byte[] _bytes = new byte[64 * 1024];

    public int Length { get; private set; }

    public ReadOnlySpan<byte> Span => _bytes.AsSpan(0, Length);

    public void Clear() => Length = 0;

    public void Append(ReadOnlySpan<byte> data)
    {
        EnsureRoom(data.Length);
        data.CopyTo(_bytes.AsSpan(Length));
        Length += data.Length;
    }

    /// <summary>Reads the stream to its end; false when it is longer than <see cref="MaxBytes"/>.</summary>
    public async Task<bool> ReadToEndAsync(Stream stream, CancellationToken cancellationToken)
    {
        while (true)
        {
            if (_bytes.Length - Length < 16 * 1024 && !EnsureRoom(16 * 1024))
            {
                return false;
            }

            var read = await stream.ReadAsync(_bytes.AsMemory(Length), cancellationToken);
            if (read == 0)
            {
                return true;
            }

            Length += read;
        }
    }

    private bool EnsureRoom(int extra)
    {
        var needed = (long)Length + extra;
        if (needed > MaxBytes)
        {
            return false;
        }

        if (needed > _bytes.Length)
        {
            Array.Resize(ref _bytes, (int)Math.Min(MaxBytes, Math.Max(needed, (long)_bytes.Length * 2)));
        }

        return true;
    }
}
