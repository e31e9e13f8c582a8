using System.Security.Cryptography;
using FleetSim.Storage.Encryption;

namespace FleetSim.Storage.Tests;

/// <summary>Where the service key comes from, and what happens when it is not there.</summary>
public sealed class ServiceKeyStoreTests : IDisposable
{
    private readonly StorageFiles _files = new();

    [Fact]
    public void The_key_file_is_created_on_first_start_with_owner_only_permissions_and_reused_after()
    {
        var first = ServiceKeyStore.Open(_files.Encryption);
        var second = ServiceKeyStore.Open(_files.Encryption);

        Assert.True(first.CreatedKeyFile);
        Assert.False(second.CreatedKeyFile);
        Assert.Equal(first.CurrentKeyId, second.CurrentKeyId);
        if (!OperatingSystem.IsWindows())
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(_files.KeyFile));
    }

    [Fact]
    public void A_missing_key_file_that_may_not_be_created_fails_clearly_and_creates_nothing()
    {
        var options = _files.Encryption;
        options.CreateKeyFile = false;

        var error = Assert.Throws<ServiceKeyUnavailableException>(() => ServiceKeyStore.Open(options));

        Assert.Contains(_files.KeyFile, error.Message, StringComparison.Ordinal);
        Assert.Contains(StorageFiles.UnsetVariable, error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(_files.KeyFile));
    }

    [Fact]
    public void A_key_in_the_environment_wins_over_the_key_file_and_gets_a_stable_id()
    {
        var variable = $"FLEETSIM_TEST_KEY_{Guid.NewGuid():N}";
        var key = RandomNumberGenerator.GetBytes(32);
        Environment.SetEnvironmentVariable(variable, Convert.ToBase64String(key));
        try
        {
            var options = new StateEncryptionOptions { KeyFilePath = _files.KeyFile, EnvironmentVariable = variable };
            var first = ServiceKeyStore.Open(options);
            var second = ServiceKeyStore.Open(options);

            Assert.Equal(first.CurrentKeyId, second.CurrentKeyId);
            Assert.StartsWith("env-", first.CurrentKeyId, StringComparison.Ordinal);
            Assert.False(File.Exists(_files.KeyFile));
            Assert.Throws<InvalidOperationException>(() => first.Rotate());
        }
        finally
        {
            Environment.SetEnvironmentVariable(variable, null);
        }
    }

    [Fact]
    public void A_malformed_key_in_the_environment_is_refused()
    {
        var variable = $"FLEETSIM_TEST_KEY_{Guid.NewGuid():N}";
        Environment.SetEnvironmentVariable(variable, Convert.ToBase64String(new byte[16]));
        try
        {
            var error = Assert.Throws<ServiceKeyUnavailableException>(() => ServiceKeyStore.Open(new StateEncryptionOptions { EnvironmentVariable = variable }));
            Assert.Contains("32", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            Environment.SetEnvironmentVariable(variable, null);
        }
    }

    [Fact]
    public void The_current_key_cannot_be_removed()
    {
        var keys = ServiceKeyStore.Open(_files.Encryption);

        Assert.Throws<InvalidOperationException>(() => keys.Remove(keys.CurrentKeyId));
    }

    public void Dispose() => _files.Dispose();
}
