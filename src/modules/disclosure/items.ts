import type { Db } from '../../db/types';
import { getCurrentCatalog, getItemVersion, type CatalogItem, type FieldDef } from '../catalog';

/** Catalog item versions never change once written: kept in memory by id across requests and runs. */
const itemVersions = new Map<string, Promise<CatalogItem>>();

function itemVersion(db: Db, id: string): Promise<CatalogItem> {
  let item = itemVersions.get(id);
  if (!item) {
    item = getItemVersion(db, id);
    item.catch(() => itemVersions.delete(id));
    itemVersions.set(id, item);
  }
  return item;
}

type PublicFieldDefs = { item: CatalogItem; fields: FieldDef[] };

/** Merges of a current item with a record's own item version, by the two (immutable) versions' ids. */
const mergedFields = new Map<string, PublicFieldDefs>();

function mergeFieldDefs(current: CatalogItem | undefined, own: CatalogItem): PublicFieldDefs {
  const byKey = new Map<string, FieldDef>();
  for (const field of own.fields) byKey.set(field.key, field);
  for (const field of current?.fields ?? []) {
    const mine = byKey.get(field.key);
    byKey.set(field.key, {
      ...field,
      personal: field.personal ?? mine?.personal,
      publicVisible: field.publicVisible === false || mine?.publicVisible === false ? false : field.publicVisible,
    });
  }
  return { item: current ?? own, fields: [...byKey.values()] };
}

/**
 * The catalog as disclosure reads it. Scope and periods come from the item as it stands in the newest
 * catalog version (configuration changes apply to records already held); a field is public only if
 * neither the record's own item version nor the current item hides it, and it is masked if either marks
 * it personal. Which catalog version is current is read once per resolver (one request or one run), so a
 * new version applies from the next request on; everything else is derived from immutable item versions.
 */
export class ItemResolver {
  private current: Promise<Map<string, CatalogItem>> | null = null;
  private readonly merged = new Map<string, Promise<PublicFieldDefs>>();

  constructor(private readonly db: Db) {}

  async rulesItem(record: { itemCode: string; catalogItemId: string }): Promise<CatalogItem> {
    return (await this.currentItems()).get(record.itemCode) ?? (await this.version(record.catalogItemId));
  }

  /** The field definitions public output filters and masks by (see class comment). */
  publicFields(record: { itemCode: string; catalogItemId: string }): Promise<PublicFieldDefs> {
    const key = `${record.itemCode}\u0000${record.catalogItemId}`;
    let merged = this.merged.get(key);
    if (!merged) {
      merged = this.mergeFields(record);
      this.merged.set(key, merged);
    }
    return merged;
  }

  private async mergeFields(record: { itemCode: string; catalogItemId: string }): Promise<PublicFieldDefs> {
    const [current, own] = [(await this.currentItems()).get(record.itemCode), await this.version(record.catalogItemId)];
    // both item versions are immutable, so their merge is too
    const key = `${current?.id ?? ''}\u0000${own.id}`;
    let merged = mergedFields.get(key);
    if (!merged) {
      merged = mergeFieldDefs(current, own);
      mergedFields.set(key, merged);
    }
    return merged;
  }

  private currentItems(): Promise<Map<string, CatalogItem>> {
    this.current ??= getCurrentCatalog(this.db).then(({ items }) => new Map(items.map((item) => [item.code, item])));
    return this.current;
  }

  private version(id: string): Promise<CatalogItem> {
    return itemVersion(this.db, id);
  }
}
