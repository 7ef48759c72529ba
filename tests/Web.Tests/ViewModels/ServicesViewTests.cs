using NetView.Web.Tests.Shared;
using NetView.Web.ViewModels;

namespace NetView.Web.Tests.ViewModels;

public sealed class ServicesViewTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 27, 1, 0, 0, TimeSpan.Zero);
    private readonly FakeDashboardSource _source = new();
    private readonly ServicesView _view = new();

    [Fact]
    public void Query_NoSortOrFilter_RequestedRangeInNameOrderAndTotal()
    {
        Add("shop/web:http", "10.96.0.20", 0);
        Add("auth/api:grpc", "10.96.0.50", 0);
        Add("shop/cache:redis", "10.96.0.30", 0);
        _view.Refresh(_source, Start);

        var (rows, total) = _view.Query(null, [], null, 1, 5);

        Assert.Equal(3, total);
        Assert.Equal(["shop/cache:redis", "shop/web:http"], rows.Select(r => r.Name));
    }

    [Fact]
    public void Query_QuickFilterByClusterIP_OnlyMatchesCounted()
    {
        Add("shop/web:http", "10.96.0.20", 0);
        Add("shop/cache:redis", "10.96.0.30", 0);
        _view.Refresh(_source, Start);

        var (rows, total) = _view.Query("10.96.0.3", [], null, 0, 10);

        Assert.Equal(1, total);
        Assert.Equal("shop/cache:redis", Assert.Single(rows).Name);
    }

    [Fact]
    public void Refresh_TwoReadings_RateIsNewConnectionsPerSecond()
    {
        Add("shop/web:http", "10.96.0.20", 100);
        _view.Refresh(_source, Start);
        Assert.Null(Row("shop/web:http").Rate);

        Set("shop/web:http", 130);
        _view.Refresh(_source, Start.AddSeconds(2));

        Assert.Equal(15.0, Row("shop/web:http").Rate);
    }

    [Fact]
    public void Refresh_CounterWentDown_RateUnknownInsteadOfNegative()
    {
        Add("shop/web:http", "10.96.0.20", 100);
        _view.Refresh(_source, Start);

        Set("shop/web:http", 4);
        _view.Refresh(_source, Start.AddSeconds(1));

        Assert.Null(Row("shop/web:http").Rate);
    }

    [Fact]
    public void Refresh_RulesChangedBetweenReadings_RatesFollowPortsByName()
    {
        Add("shop/web:http", "10.96.0.20", 100);
        _view.Refresh(_source, Start);

        Add("auth/api:grpc", "10.96.0.50", 7);
        Set("shop/web:http", 110);
        _view.Refresh(_source, Start.AddSeconds(1));

        Assert.Equal(10.0, Row("shop/web:http").Rate);
        Assert.Null(Row("auth/api:grpc").Rate);
        Assert.Equal(2, _view.Count);
    }

    [Fact]
    public void Query_SortedByRateDescending_OrdersAllRowsBeforeTakingTheRange()
    {
        Add("a/one:http", "10.96.0.1", 0);
        Add("a/two:http", "10.96.0.2", 0);
        Add("a/three:http", "10.96.0.3", 0);
        _view.Refresh(_source, Start);
        Set("a/one:http", 1);
        Set("a/two:http", 9);
        Set("a/three:http", 5);
        _view.Refresh(_source, Start.AddSeconds(1));

        var (rows, total) = _view.Query(null, [new ServiceRowSort(r => r.Rate ?? -1, Descending: true)], null, 0, 2);

        Assert.Equal(3, total);
        Assert.Equal(["a/two:http", "a/three:http"], rows.Select(r => r.Name));
    }

    [Fact]
    public void Query_ColumnPredicateAndSortByName_AppliedTogether()
    {
        Add("a/one:http", "10.96.0.1", 0, endpoints: 2);
        Add("a/two:http", "10.96.0.2", 0, endpoints: 0);
        Add("a/three:http", "10.96.0.3", 0, endpoints: 1);
        _view.Refresh(_source, Start);

        var (rows, total) = _view.Query(null, [new ServiceRowSort(r => r.Name, Descending: true)], r => r.Endpoints > 0, 0, 10);

        Assert.Equal(2, total);
        Assert.Equal(["a/three:http", "a/one:http"], rows.Select(r => r.Name));
    }

    private ServiceRow Row(string name) => _view.Query(null, [], null, 0, 100).Rows.Single(r => r.Name == name);

    private void Add(string name, string clusterIP, long connections, int endpoints = 1)
    {
        var (ns, rest) = (name.Split('/')[0], name.Split('/')[1]);
        _source.ServiceList.Add(new ServiceSummary
        {
            Name = name,
            Namespace = ns,
            Service = rest.Split(':')[0],
            PortName = rest.Split(':')[1],
            Protocol = "tcp",
            ClusterIP = clusterIP,
            ClusterPort = 80,
            Endpoints = [.. Enumerable.Range(1, endpoints).Select(i => new EndpointSummary($"10.244.1.{i}:8080", $"KUBE-SEP-{i}", null, null, null))],
            Connections = connections,
        });
    }

    private void Set(string name, long connections)
    {
        var at = _source.ServiceList.FindIndex(s => s.Name == name);
        _source.ServiceList[at] = _source.ServiceList[at] with { Connections = connections };
    }
}
