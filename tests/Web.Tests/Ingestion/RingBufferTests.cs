using NetView.Web.Ingestion;

namespace NetView.Web.Tests.Ingestion;

public sealed class RingBufferTests
{
    [Fact]
    public void Add_PastItsFirstArrayAndCapacity_KeepsOrderAndDropsTheOldest()
    {
        var buffer = new RingBuffer<int>(10);
        var dropped = new List<int>();

        for (var i = 1; i <= 13; i++)
        {
            if (buffer.Add(i, out var old))
            {
                dropped.Add(old);
            }
        }

        Assert.Equal(10, buffer.Count);
        Assert.Equal(10, buffer.Capacity);
        Assert.Equal([1, 2, 3], dropped);
        Assert.Equal(Enumerable.Range(4, 10), Enumerable.Range(0, buffer.Count).Select(i => buffer[i]));
    }

    [Fact]
    public void Add_AfterRemoveFirst_GrowsAroundTheWrappedStart()
    {
        var buffer = new RingBuffer<int>(100);
        for (var i = 1; i <= 4; i++)
        {
            buffer.Add(i, out _);
        }

        Assert.Equal(1, buffer.RemoveFirst());
        Assert.Equal(2, buffer.RemoveFirst());
        for (var i = 5; i <= 12; i++)
        {
            Assert.False(buffer.Add(i, out _));
        }

        Assert.Equal(Enumerable.Range(3, 10), Enumerable.Range(0, buffer.Count).Select(i => buffer[i]));
    }
}
