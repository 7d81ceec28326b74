/**
 * Lua scripts for the Redis budget store. Each runs atomically on the server, so a check and the
 * update that follows it cannot interleave with another router's. Counters are hashes with integer
 * `spent` and `reserved` fields (nano-USD) that expire a day after their window ends.
 */

/** KEYS: counters. Returns spent, reserved for each. */
export const READ_SCRIPT = `
local out = {}
for i = 1, #KEYS do
  local v = redis.call('HMGET', KEYS[i], 'spent', 'reserved')
  out[#out + 1] = tonumber(v[1] or '0')
  out[#out + 1] = tonumber(v[2] or '0')
end
return out
`;

/**
 * KEYS: counters. ARGV: amount, then one limit per key, then one expiry (epoch ms) per key.
 * Reserves `amount` on every key only if each is below its limit. Returns {1} or {0, index, spent, reserved}.
 */
export const RESERVE_SCRIPT = `
local n = #KEYS
local amount = tonumber(ARGV[1])
for i = 1, n do
  local v = redis.call('HMGET', KEYS[i], 'spent', 'reserved')
  local spent = tonumber(v[1] or '0')
  local reserved = tonumber(v[2] or '0')
  if spent + reserved >= tonumber(ARGV[1 + i]) then
    return {0, i - 1, spent, reserved}
  end
end
for i = 1, n do
  redis.call('HINCRBY', KEYS[i], 'reserved', amount)
  redis.call('PEXPIREAT', KEYS[i], ARGV[1 + n + i])
end
return {1}
`;

/**
 * KEYS: counters. ARGV: reserved amount to release, actual amount to add, then one expiry per key.
 * Returns spent before and after for each key.
 */
export const SETTLE_SCRIPT = `
local out = {}
local release = tonumber(ARGV[1])
for i = 1, #KEYS do
  local v = redis.call('HMGET', KEYS[i], 'spent', 'reserved')
  local before = tonumber(v[1] or '0')
  local held = tonumber(v[2] or '0')
  local freed = release
  if freed > held then freed = held end
  if freed > 0 then redis.call('HINCRBY', KEYS[i], 'reserved', -freed) end
  local after = redis.call('HINCRBY', KEYS[i], 'spent', ARGV[2])
  redis.call('PEXPIREAT', KEYS[i], ARGV[2 + i])
  out[#out + 1] = before
  out[#out + 1] = after
end
return out
`;
