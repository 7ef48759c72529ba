using Microsoft.AspNetCore.Components;
using NetView.Core.Iptables;
using NetView.Web.ViewModels;

namespace NetView.Web.Components.Pages;

public sealed partial class NodePage
{
    private readonly NodeView _view = new();
    private ChainGroup? _group;

    private ICollection<string> GroupChains => _group?.Chains as ICollection<string> ?? [.. _group?.Chains ?? []];

    [Parameter]
    public string NodeName { get; set; } = "";

    [SupplyParameterFromQuery(Name = "family")]
    public string? FamilyName { get; set; }

    [SupplyParameterFromQuery(Name = "table")]
    public string? TableName { get; set; }

    [SupplyParameterFromQuery(Name = "chain")]
    public string? ChainName { get; set; }

    private int TableIndex
    {
        get => Math.Max(0, _view.Tables.ToList().IndexOf(_view.Table));
        set
        {
            var tables = _view.Tables;
            if (value >= 0 && value < tables.Count && tables[value] != _view.Table)
            {
                Go(table: tables[value], chain: "");
            }
        }
    }

    protected override void Load()
    {
        var family = FamilyName switch
        {
            "ipv6" => IpFamily.IPv6,
            "ipv4" => IpFamily.IPv4,
            _ => (IpFamily?)null,
        };
        _view.Show(Source?.Node(NodeName), family, TableName, ChainName);
        if (_group is not null && _view.Graph?.Groups.FirstOrDefault(g => g.Id == _group.Id) is { } fresh)
        {
            _group = fresh;
        }
        else if (_view.Chain is { } chain && _view.Graph is { } graph)
        {
            _group = graph.Groups.FirstOrDefault(g => g.Chains.Contains(chain));
        }
    }

    private void OnGroupClicked(ChainGroup group)
    {
        _group = group;
        if (group.Chains.Count == 1)
        {
            Go(chain: group.Chains[0]);
        }
    }

    private void Go(IpFamily? family = null, string? table = null, string? chain = null)
    {
        var url = Links.Node(NodeName, Import, table ?? _view.Table, chain ?? _view.Chain);
        var chosen = family ?? _view.Family;
        if (chosen == IpFamily.IPv6)
        {
            url += (url.Contains('?') ? "&" : "?") + "family=ipv6";
        }

        Navigation.NavigateTo(url);
    }
}
