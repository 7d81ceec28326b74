const VENDOR_PREFIX = /^(?:openai|anthropic)[/:]/;
const DATED_SUFFIX = /-(?:\d{4}-\d{2}-\d{2}|\d{8})$/;
const LATEST_SUFFIX = /-latest$/;

/**
 * The ids to look a model up under, most specific first: as given (lower-cased), without a vendor
 * prefix (`openai/gpt-4o`), without a dated snapshot (`gpt-4o-2024-08-06` → `gpt-4o`,
 * `claude-haiku-4-5-20251001` → `claude-haiku-4-5`) or a `-latest` suffix.
 */
export function modelIdCandidates(model: string): string[] {
  const lower = model.trim().toLowerCase();
  const out = [lower];
  const bare = lower.replace(VENDOR_PREFIX, '');
  if (bare !== lower) out.push(bare);
  const undated = bare.replace(DATED_SUFFIX, '').replace(LATEST_SUFFIX, '');
  if (undated !== bare && undated.length > 0) out.push(undated);
  return out;
}
