/**
 * Frames a `*.chunks.txt` recording (one JSON payload a line) the way Anthropic sends it: each
 * payload as `event: <its type>` and `data: <payload>`, then a blank line. The official SDK skips
 * events without a name, so the `event:` line matters. Serve the result with `startRecordingReplay`.
 */
export function anthropicChunksToSse(chunks: string): string {
  let out = '';
  for (const line of chunks.split('\n')) {
    if (line.trim() === '') continue;
    const type = (JSON.parse(line) as { type?: unknown }).type;
    out += `event: ${String(type)}\ndata: ${line}\n\n`;
  }
  return out;
}
