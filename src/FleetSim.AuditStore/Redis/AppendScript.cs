namespace FleetSim.AuditStore.Redis;

/// <summary>
/// The one Redis call of an append: a Lua script, which Redis runs with nothing in between, so a
/// batch's entries, partition bounds and counts appear together. Redis does not undo a script that
/// fails half-way, so every check that could fail runs before the first write, and the writes
/// themselves cannot fail (ids are computed to grow; keys are of the right type): a batch is
/// stored whole or not at all. The "#!lua" line makes Redis refuse the whole script up front when
/// it is out of memory, rather than fail at some write.
/// </summary>
internal static class AppendScript
{
    /// <remarks>
    /// KEYS: per partition touched, its stream and its log's bounds hash; then the count hashes.
    /// ARGV[1]: the number of partitions; per partition its start, its entry count, then per entry
    /// its event time (Unix ms) and JSON; then per count hash its field count, then field, increment.
    /// </remarks>
    public const string Text = """
        #!lua
        local partitions = tonumber(ARGV[1])

        local function newest_ms(stream)
          local info = redis.call('XINFO', 'STREAM', stream)
          for i = 1, #info, 2 do
            if info[i] == 'last-generated-id' then
              return tonumber(string.match(info[i + 1], '^%d+'))
            end
          end
          return 0
        end

        -- Checks, no writes: each key is absent or of its type; each stream's newest id.
        local newest = {}
        for i = 1, #KEYS do
          local want = 'hash'
          if i <= 2 * partitions and i % 2 == 1 then want = 'stream' end
          local found = redis.call('TYPE', KEYS[i]).ok
          if found ~= 'none' and found ~= want then
            return redis.error_reply('WRONGTYPE audit store key ' .. KEYS[i] .. ' holds a ' .. found .. ', not a ' .. want)
          end
          if want == 'stream' then
            newest[i] = 0
            if found == 'stream' then newest[i] = newest_ms(KEYS[i]) end
          end
        end

        -- Writes. An entry's id is its event time, or the stream's newest id when the record is
        -- older (ids must grow; ids start at 0, so before 1970 too); 'late' keeps the largest such
        -- gap, which readers add to 'until'.
        local arg = 2
        for p = 1, partitions do
          local stream, bounds = KEYS[2 * p - 1], KEYS[2 * p]
          local start, count = ARGV[arg], tonumber(ARGV[arg + 1])
          arg = arg + 2
          local top = newest[2 * p - 1]
          local late = tonumber(redis.call('HGET', bounds, start .. ':late')) or 0
          local id
          for _ = 1, count do
            local ms = ARGV[arg]
            local time = tonumber(ms)
            if time < top then
              late = math.max(late, top - time)
              ms = string.format('%.0f', top)
            else
              top = time
            end
            id = redis.call('XADD', stream, ms .. '-*', 'json', ARGV[arg + 1])
            arg = arg + 2
          end
          redis.call('HSET', bounds, start .. ':top', id, start .. ':late', string.format('%.0f', late))
        end
        for k = 2 * partitions + 1, #KEYS do
          local fields = tonumber(ARGV[arg])
          arg = arg + 1
          for _ = 1, fields do
            redis.call('HINCRBY', KEYS[k], ARGV[arg], ARGV[arg + 1])
            arg = arg + 2
          end
        end
        return partitions
        """;
}
