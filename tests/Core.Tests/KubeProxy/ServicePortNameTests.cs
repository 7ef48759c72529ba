using NetView.Core.KubeProxy;

namespace NetView.Core.Tests.KubeProxy;

/// <summary>kube-proxy's service port names as its comments write them, in every era.</summary>
public sealed class ServicePortNameTests
{
    [Theory]
    [InlineData("default/kubernetes:https", "default", "kubernetes", "https", "default/kubernetes:https")]
    [InlineData("shop/redis-5", "shop", "redis-5", "", "shop/redis-5")]
    [InlineData("shop/redis-5:", "shop", "redis-5", "", "shop/redis-5")]
    [InlineData("a/b:c", "a", "b", "c", "a/b:c")]
    public void TryParse_WrittenName_GivesPartsAndLaterForm(string written, string ns, string service, string port, string name)
    {
        Assert.True(ServicePortName.TryParse(written, out var parsed));

        Assert.Equal(ns, parsed!.Namespace);
        Assert.Equal(service, parsed.Service);
        Assert.Equal(port, parsed.PortName);
        Assert.Equal(written, parsed.Written);
        Assert.Equal(name, parsed.Name);
    }

    [Theory]
    [InlineData("x/y:z", "other/name:port")]
    [InlineData("x/y:z", "x/y:zz")]
    [InlineData("x/y", "x/yy")]
    [InlineData("x/y:z", "x/y-z")]
    public void Name_WrittenNotOfTheseParts_IsMadeFromTheParts(string expected, string written)
    {
        var parts = expected.Split('/', ':');

        var name = new ServicePortName(parts[0], parts[1], parts.Length > 2 ? parts[2] : "", written);

        Assert.Equal(expected, name.Name);
    }
}
