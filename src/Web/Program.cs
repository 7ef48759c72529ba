using NetView.Web.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddLivePath();
builder.AddDashboard();
builder.AddKubernetesApi();

var app = builder.Build();
app.MapLivePath();
app.MapDashboard();
app.Run();

/// <summary>Entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
