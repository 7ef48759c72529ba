using NetView.Core.KubeProxy;

namespace NetView.Core.Tests.KubeProxy;

// Every expectation is a chain name from a real dump in /work/shared/fixtures/real.
public sealed class ChainNamesTests
{
    [Theory]
    [InlineData("default/kubernetes:https", "tcp", "NPX46M4PTMTKRN6Y")] // fixture 03
    [InlineData("kube-system/kube-dns:dns", "udp", "TCOU7JCQXEZGVUNU")] // fixture 03
    [InlineData("kube-system/kube-dns:dns-tcp", "tcp", "ERIFXISQEP7F7OF4")] // fixture 03
    [InlineData("kube-system/kube-dns:metrics", "tcp", "JD5MR3NA4I4DYORP")] // fixture 03
    [InlineData("default/nginx-mlb-l2-service", "tcp", "W47NQ5DDJKUWFTVY")] // fixture 14, unnamed port, current kube-proxy
    [InlineData("default/nginx-svc:", "tcp", "R2VK7O5AFVLRAXSH")] // fixture 06, unnamed port, kube-proxy before 1.17
    public void ServicePortHash_RealServicePort_MatchesKubeProxy(string servicePortName, string protocol, string expected) =>
        Assert.Equal(expected, ChainNames.ServicePortHash(servicePortName, protocol));

    [Fact]
    public void ServicePortHash_UpperCaseProtocol_IsLowerCasedFirst() =>
        Assert.Equal("NPX46M4PTMTKRN6Y", ChainNames.ServicePortHash("default/kubernetes:https", "TCP"));

    [Theory]
    [InlineData("kube-system/kube-dns:dns", "udp", "10.244.0.3:53", "6E7XQMQ4RAYOWTTM")] // fixture 03
    [InlineData("kube-system/kube-dns:dns", "udp", "10.244.0.2:53", "YIL6JZP7A3QYXJU2")] // fixture 03
    [InlineData("kube-system/kube-dns:dns-tcp", "tcp", "10.244.0.2:53", "IT2ZTR26TO4XFPTO")] // fixture 03
    [InlineData("kube-system/kube-dns:metrics", "tcp", "10.244.0.2:9153", "N4G2XR5TDX7PQE7P")] // fixture 03
    [InlineData("default/kubernetes:https", "tcp", "172.31.7.91:6443", "Z256WNARC5DJQIZM")] // fixture 03
    [InlineData("default/nginx-mlb-l2-service", "tcp", "10.42.0.25:8080", "H3SFLVALEZ5LECV3")] // fixture 14
    [InlineData("kube-system/kube-dns:dns-tcp", "tcp", "10.244.0.24:53", "X5LPZOF2HZFMFFC2")] // fixture 06
    [InlineData("default/nginx-svc:", "tcp", "10.244.1.3:80", "WZIMOURZMGKYESDR")] // fixture 06
    public void EndpointHash_RealEndpoint_MatchesKubeProxy(string servicePortName, string protocol, string endpoint, string expected) =>
        Assert.Equal(expected, ChainNames.EndpointHash(servicePortName, protocol, endpoint));

    [Fact]
    public void ChainBuilders_RealServicePort_PrefixTheHash()
    {
        Assert.Equal("KUBE-SVC-W47NQ5DDJKUWFTVY", ChainNames.ServiceChain("default/nginx-mlb-l2-service", "tcp"));
        Assert.Equal("KUBE-SVL-W47NQ5DDJKUWFTVY", ChainNames.LocalServiceChain("default/nginx-mlb-l2-service", "tcp"));
        Assert.Equal("KUBE-EXT-W47NQ5DDJKUWFTVY", ChainNames.ExternalChain("default/nginx-mlb-l2-service", "tcp"));
        Assert.Equal("KUBE-FW-W47NQ5DDJKUWFTVY", ChainNames.FirewallChain("default/nginx-mlb-l2-service", "tcp"));
        Assert.Equal("KUBE-SEP-H3SFLVALEZ5LECV3", ChainNames.EndpointChain("default/nginx-mlb-l2-service", "tcp", "10.42.0.25:8080"));
    }
}
