using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using NetView.Core.Wire;

namespace NetView.Web.Tests.Shared;

/// <summary>
/// The real server (Program) on Kestrel at a free port, with its SQLite file in a data directory
/// the test owns, a known agent token, and SignalR clients speaking MessagePack as the agent does.
/// </summary>
internal sealed class LiveServer : WebApplicationFactory<Program>
{
    public const string Token = "web-tests-agent-token-0123";

    public LiveServer(string dataDirectory, IReadOnlyDictionary<string, string>? settings = null)
    {
        DataDirectory = dataDirectory;
        Settings = settings ?? new Dictionary<string, string>();
        UseKestrel(0);
        StartServer();
    }

    public string DataDirectory { get; }

    public IReadOnlyDictionary<string, string> Settings { get; }

    public Uri BaseAddress => new(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

    public HttpClient Http() => new() { BaseAddress = BaseAddress };

    /// <summary>A hub connection as an agent makes it (not started).</summary>
    public HubConnection Agent(string? token = Token) => new HubConnectionBuilder()
        .WithUrl(new Uri(BaseAddress, HubMethods.Path.TrimStart('/')), options =>
        {
            if (token is not null)
            {
                options.AccessTokenProvider = () => Task.FromResult<string?>(token);
            }
        })
        .AddMessagePackProtocol()
        .Build();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("NetView:AgentToken", Token);
        builder.UseSetting("NetView:DataDirectory", DataDirectory);
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
    }
}
