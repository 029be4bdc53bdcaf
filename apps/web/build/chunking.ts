type ChunkingContext = {
  getModuleInfo(
    id: string,
  ): { isEntry: boolean; importers: readonly string[]; importedIds: readonly string[] } | null;
};

/**
 * Whether a module is statically reachable from the entry (main.tsx), so it is
 * in the entry chunk already: a chunk group must not pull it out into a chunk
 * the home page would then have to fetch as well.
 */
function inEntryChunk(id: string, ctx: ChunkingContext, seen = new Set<string>()): boolean {
  if (seen.has(id)) return false;
  seen.add(id);
  const info = ctx.getModuleInfo(id);
  if (!info) return false;
  return info.isEntry || info.importers.some((importer) => inEntryChunk(importer, ctx, seen));
}

const CHART_LIBRARY = /node_modules[\\/]recharts[\\/]/;
/** Per build: `vite build --watch` keeps this module loaded while the import graph changes. */
export const reachesChartCache = new Map<string, boolean>();

/** Whether a module statically imports the chart library, directly or through others. */
function reachesChart(id: string, ctx: ChunkingContext, seen = new Set<string>()): boolean {
  const known = reachesChartCache.get(id);
  if (known !== undefined) return known;
  if (CHART_LIBRARY.test(id)) return true;
  if (seen.has(id)) return false;
  seen.add(id);
  const result = (ctx.getModuleInfo(id)?.importedIds ?? []).some((dep) => reachesChart(dep, ctx, seen));
  reachesChartCache.set(id, result);
  return result;
}

/**
 * The chunk for an app module shared by two or more lazy pages: one per feature
 * (and one for the app-wide components and helpers), so a page fetches a few
 * chunks of mostly relevant code instead of one per sharing pattern. Modules
 * already in the entry stay there, and anything that pulls in the chart library
 * stays with the pages that show charts.
 */
export function sharedChunkName(id: string, ctx: ChunkingContext): string | null {
  if (inEntryChunk(id, ctx) || reachesChart(id, ctx)) return null;
  const feature = /[\\/]src[\\/]features[\\/]([^\\/]+)[\\/]/.exec(id)?.[1];
  return feature ? `${feature}-shared` : "app-shared";
}
