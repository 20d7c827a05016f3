// Writes shared/region.schema.json from the zod schema of the region file, so editors can
// check and complete region files. A unit test fails if the committed file is stale.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { regionFileJsonSchemaText } from '../shared/regionFile.ts';

const target = fileURLToPath(new URL('../shared/region.schema.json', import.meta.url));
writeFileSync(target, regionFileJsonSchemaText());
console.log(`wrote ${target}`);
