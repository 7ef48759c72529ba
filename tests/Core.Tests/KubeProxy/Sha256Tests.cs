using System.Text;
using NetView.Core.KubeProxy;

namespace NetView.Core.Tests.KubeProxy;

public sealed class Sha256Tests
{
    private static string Hex(ReadOnlySpan<byte> data)
    {
        Span<byte> digest = stackalloc byte[Sha256.HashSizeInBytes];
        Sha256.HashData(data, digest);
        return Convert.ToHexStringLower(digest);
    }

    [Theory]
    // FIPS 180-4 examples (NIST CSRC "SHA256.pdf", "SHA2_Additional.pdf").
    [InlineData("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")]
    [InlineData("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")]
    [InlineData("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")]
    [InlineData("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu",
        "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1")]
    public void HashData_FipsExamples(string message, string expected)
    {
        Assert.Equal(expected, Hex(Encoding.ASCII.GetBytes(message)));
    }

    [Fact]
    public void HashData_MillionA()
    {
        Assert.Equal("cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0", Hex(Enumerable.Repeat((byte)'a', 1_000_000).ToArray()));
    }

    [Fact]
    public void HashData_EveryLengthAroundTheBlocks_SameAsPlatform()
    {
        // Lengths 0-300 cross the one/two padding block edge (55/56 bytes) and several whole blocks.
        var random = new Random(20261127);
        for (var length = 0; length <= 300; length++)
        {
            var data = new byte[length];
            random.NextBytes(data);
            Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(data)), Hex(data));
        }
    }

    [Fact]
    public void HashData_ShortDigest_Refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Sha256.HashData("abc"u8, new byte[31]));
    }
}
